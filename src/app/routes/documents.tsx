import { DocumentList } from "@/features/documents/components/document-list";

export const DocumentsRoute = () => <DocumentList />;
