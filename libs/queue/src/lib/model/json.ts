/** A value JSON can carry unchanged. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object: job payloads, metadata and outputs. */
export type JsonObject = { [key: string]: JsonValue };
