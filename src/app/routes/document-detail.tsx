import { useParams } from "react-router";
import { DocumentDetail } from "@/features/documents/components/document-detail";

export const DocumentDetailRoute = () => {
  const { documentId = "" } = useParams();
  return <DocumentDetail documentId={documentId} />;
};
