"""A shop sync process for the fault suite: `python -m tests.faults.sync_worker`.

It builds the shop app from POSAPP_INSTANCE_PATH / POSAPP_DATABASE_URL (its config.py holds the fast
retry settings), then runs one sync per "run" line on stdin and writes the outcome as one JSON line;
a run that raises is written as {"exception": traceback} — the suite counts those as violations.
It is killed with SIGKILL at random moments and started again.
"""
import json
import sys
import traceback


def main():
    from posapp import create_app
    from posapp.extensions import db
    from posapp.sync.runner import run_sync
    app = create_app()
    with app.app_context():
        print(json.dumps({"ready": True}), flush=True)
        for _line in sys.stdin:
            try:
                answer = {"outcome": run_sync()}
            except BaseException:  # noqa: B902 - whatever it is, the suite must see it
                answer = {"exception": traceback.format_exc()}
            finally:
                db.session.remove()
            print(json.dumps(answer, default=str), flush=True)


if __name__ == "__main__":
    main()
