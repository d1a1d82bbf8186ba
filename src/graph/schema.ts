import { Ajv, type ErrorObject } from "ajv";
import { GRAPH_FORMAT, NODE_KINDS, type GraphDocument } from "./ir.js";

const id = { type: "string", pattern: "^[a-z_]+-[0-9a-f]{12}$" };

/** The JSON Schema of a compiled graph (`rlx compile --emit graph`), for rlx and for tools that read it. */
export const graphSchema = {
  $id: "https://rlx.dev/schema/graph-1.json",
  title: "rlx execution graph",
  type: "object",
  additionalProperties: false,
  required: ["format", "sources", "nodes", "edges", "runs", "sweeps"],
  properties: {
    format: { const: GRAPH_FORMAT },
    sources: { type: "array", items: { type: "string" } },
    nodes: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "kind", "hash", "label", "params", "inputs", "pure", "loop"],
        properties: {
          id,
          kind: { enum: [...NODE_KINDS] },
          hash: { type: "string", pattern: "^[0-9a-f]{64}$" },
          label: { type: "string", minLength: 1 },
          params: { type: "object" },
          inputs: { type: "object", additionalProperties: id },
          pure: { type: "boolean" },
          loop: { enum: ["train", null] },
        },
      },
    },
    edges: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["from", "to", "port", "loop"],
        properties: { from: id, to: id, port: { type: "string" }, loop: { type: "boolean" } },
      },
    },
    runs: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["name", "file", "sweep", "seed", "steps", "nodes", "report"],
        properties: {
          name: { type: "string", minLength: 1 },
          file: { type: "string" },
          sweep: {
            oneOf: [
              { type: "null" },
              {
                type: "object",
                additionalProperties: false,
                required: ["name", "cell", "bindings"],
                properties: {
                  name: { type: "string" },
                  cell: { type: "string", pattern: "^[a-z0-9._-]+$" },
                  bindings: { type: "object", additionalProperties: { type: "string" } },
                },
              },
            ],
          },
          seed: { type: "integer", minimum: 0 },
          steps: { type: "integer", minimum: 1 },
          nodes: { type: "array", items: id, minItems: 1 },
          report: id,
        },
      },
    },
    sweeps: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["name", "base", "file", "axes", "runs"],
        properties: {
          name: { type: "string" },
          base: { type: "string" },
          file: { type: "string" },
          axes: {
            type: "array",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["path", "values"],
              properties: { path: { type: "string" }, values: { type: "array", items: { type: "string" }, minItems: 1 } },
            },
          },
          runs: { type: "array", items: { type: "string" } },
        },
      },
    },
  },
} as const;

let compiled: ReturnType<Ajv["compile"]> | undefined;

/**
 * Validates a graph against the schema, then checks what a schema cannot say: every input and
 * edge names a node, every run lists nodes that exist, inputs before the nodes that use them.
 * Returns the problems found (empty when valid).
 */
export function validateGraph(doc: unknown): string[] {
  compiled ??= new Ajv({ allErrors: true, strict: true }).compile(graphSchema);
  if (!compiled(doc)) return (compiled.errors ?? []).map(formatAjvError);
  const graph = doc as GraphDocument;
  const problems: string[] = [];
  const ids = new Set(graph.nodes.map((n) => n.id));
  for (const node of graph.nodes) {
    for (const [port, input] of Object.entries(node.inputs)) if (!ids.has(input)) problems.push(`node ${node.id} input '${port}' names no node (${input})`);
  }
  for (const edge of graph.edges) if (!ids.has(edge.from) || !ids.has(edge.to)) problems.push(`edge ${edge.from} → ${edge.to} names a missing node`);
  for (const run of graph.runs) {
    const seen = new Set<string>();
    for (const nodeId of run.nodes) {
      const node = graph.nodes.find((n) => n.id === nodeId);
      if (!node) {
        problems.push(`run ${run.name} lists a missing node ${nodeId}`);
        continue;
      }
      for (const input of Object.values(node.inputs)) if (!seen.has(input)) problems.push(`run ${run.name}: ${nodeId} comes before its input ${input}`);
      seen.add(nodeId);
    }
  }
  return problems;
}

function formatAjvError(e: ErrorObject): string {
  return `${e.instancePath || "/"} ${e.message ?? "is invalid"}`;
}
