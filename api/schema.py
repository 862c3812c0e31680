"""Schema post-processing: every operation documents the error answers the API actually gives, with the one
error body ({code, detail, errors?, state?})."""

ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "code": {"type": "string"},
        "detail": {"type": "string"},
        "errors": {"type": "object", "additionalProperties": True},
        "state": {"type": "string"},
    },
    "required": ["code", "detail"],
}
ERROR_STATUSES = {
    "400": "Invalid input (field errors in `errors`)",
    "401": "Not authenticated",
    "403": "Not allowed for this caller",
    "404": "Not found, or not visible to the caller",
    "405": "Method not allowed",
    "409": "Not allowed from the current state",
    "415": "Unsupported media type",
    "429": "Too many requests",
}


def add_error_responses(result, generator, request, public):
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            for code, description in ERROR_STATUSES.items():
                operation["responses"].setdefault(
                    code,
                    {
                        "description": description,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                    },
                )
    return result
