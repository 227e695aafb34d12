import { createContext, useContext } from "react";

/** The CSP nonce of this document, for the inline scripts Remix renders. */
export const NonceContext = createContext<string | undefined>(undefined);
export const useNonce = () => useContext(NonceContext);

/** The request id of the document, shown as the reference on a 500 page. */
export const RequestIdContext = createContext<string | undefined>(undefined);
export const useRequestId = () => useContext(RequestIdContext);
