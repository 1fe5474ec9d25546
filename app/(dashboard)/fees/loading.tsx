export { ListSkeleton as default } from "@/components/data-table/list-skeleton";
