import { createContext, type ReactNode, useContext } from "react";

/*
 * Whether the signed-in user may change the record (editor or admin). The app shell knows the session
 * and provides it; features only ask, so they need not import the auth feature. Outside a provider the
 * answer is "no": a control that edits is never shown by mistake. The server refuses anyway.
 */
const EditRightsContext = createContext(false);

export const EditRightsProvider = ({ canEdit, children }: { canEdit: boolean; children: ReactNode }) => (
  <EditRightsContext.Provider value={canEdit}>{children}</EditRightsContext.Provider>
);

export const useCanEdit = () => useContext(EditRightsContext);

/** Renders its children only for a user who may edit. */
export const EditorOnly = ({ children }: { children: ReactNode }) => (useCanEdit() ? children : null);
