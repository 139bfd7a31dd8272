import "server-only";
import { z } from "zod";
import { ClusterNameSchema, GroupIdSchema, JobIdSchema } from "@/lib/jobs/dto";

export const ProjectParams = z.object({ groupId: GroupIdSchema });
export const ClusterParams = ProjectParams.extend({ clusterName: ClusterNameSchema });
export const ClusterJobParams = ClusterParams.extend({ jobId: JobIdSchema });
// The Flex routes name their cluster `name`, as Atlas's /flexClusters/{name} does.
export const FlexParams = ProjectParams.extend({ name: ClusterNameSchema });
export const FlexJobParams = FlexParams.extend({ jobId: JobIdSchema });
