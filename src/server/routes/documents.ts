import { getDocument, listDocuments } from "@/server/repository/documents";
import { found, type THandlers } from "@/server/routes/define";
import { notFound } from "@/shared/http";

export const documentRoutes = {
  listDocuments: ({ db, query }) => listDocuments(db, query, query),
  getDocument: async ({ db, params }) =>
    found(await getDocument(db, params.documentId), () => notFound("document", params.documentId)),
} satisfies THandlers;
