import { getProduct, listProducts } from "@/server/repository/products";
import { found, type THandlers } from "@/server/routes/define";
import { notFound } from "@/shared/http";

export const productRoutes = {
  listProducts: ({ db, query }) => listProducts(db, query),
  getProduct: async ({ db, params }) =>
    found(await getProduct(db, params.productId), () => notFound("product", params.productId)),
} satisfies THandlers;
