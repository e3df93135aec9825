import { fail, type TMockImpls } from "@/mocks/define";
import { page } from "@/mocks/derive";
import { notFound } from "@/shared/http";

export const productMocks = {
  listProducts: ({ data, query }) => page(data.products, query),
  getProduct: ({ data, params }) =>
    data.products.find((p) => p.id === params.productId) ?? fail(notFound("product", params.productId)),
} satisfies TMockImpls;
