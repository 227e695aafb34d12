/**
 * One employee's evidence over a cycle's period: the shape shared by the
 * server that gathers it, the prompt rules, the page and the markdown export.
 * Plain JSON (dates as strings), so that a discussed conversation stores it as
 * it was. Behaviours are kept as ids and named in the reader's language.
 */
import type { ImprovementStatus } from "#db/schema.ts";
import type { Movement } from "#app/modules/reviews/agenda.server.ts";
import type { EVIDENCE_VERSION } from "./constants.ts";

export interface EvidenceStory {
  id: string;
  title: string;
  happenedOn: string;
  authorName: string;
  departmentName: string;
  featured: boolean;
  behaviourIds: string[];
}

export interface EvidenceRecognition {
  id: string;
  createdAt: string;
  authorName: string;
  /** Who was thanked, as one line ("Ada, Customer Service"). */
  recipients: string;
  behaviourId: string;
  excerpt: string;
}

export interface EvidenceShadowing {
  slotId: string;
  startsAt: string;
  departmentName: string;
  /** The submitted note, when there is one. */
  noteId: string | null;
}

export interface EvidenceHosting {
  slotId: string;
  startsAt: string;
  observers: number;
}

export interface EvidenceImprovement {
  id: string;
  description: string;
  status: ImprovementStatus;
  departmentSlug: string;
  departmentName: string;
  chosenAt: string | null;
  doneAt: string | null;
  /** The department's KPIs before the improvement was chosen and in their latest period. */
  movements: Movement[];
}

export interface Evidence {
  version: typeof EVIDENCE_VERSION;
  /** When it was gathered (ISO). */
  asOf: string;
  periodStart: string;
  periodEnd: string;
  counts: {
    storiesWritten: number;
    storiesNamed: number;
    recognitionReceived: number;
    recognitionGiven: number;
    shadowingDone: number;
    shadowingHosted: number;
    improvements: number;
  };
  storiesWritten: EvidenceStory[];
  storiesNamed: EvidenceStory[];
  recognitionReceived: EvidenceRecognition[];
  recognitionGiven: EvidenceRecognition[];
  shadowingDone: EvidenceShadowing[];
  shadowingHosted: EvidenceHosting[];
  improvements: EvidenceImprovement[];
  /** The behaviours the stories, recognition received and shadowing notes show, most often first. */
  behaviours: { id: string; count: number }[];
  /** The current promise's behaviours, in its order. */
  promiseBehaviourIds: string[];
}
