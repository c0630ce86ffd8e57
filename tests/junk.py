"""Sending junk and noting server errors: shared by the shop's and the hub's junk tests."""


def answered(errors: list, label: str, send, *args, **kwargs):
    """`send(*args, **kwargs)`; an exception the test client raised (TESTING propagates it: a 500 page in
    production) or a 5xx answer is noted in `errors` under `label`. Returns the response, or None."""
    try:
        response = send(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - every kind is a server error here
        errors.append(f"{label}: {exc!r}"[:300])
        return None
    if response.status_code >= 500:
        errors.append(f"{label}: {response.status_code}")
    return response
