"""The REST API: one router per resource, collected in `api.main.api_router`."""
