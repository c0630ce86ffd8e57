"""Start the shop app: `python run.py [--host 127.0.0.1] [--port 5000]`."""
import argparse
import logging

from waitress import serve

from posapp import create_app
from posapp.startup import prepare_database
from posapp.sync.scheduler import start as start_sync_scheduler


def main(argv=None):
    parser = argparse.ArgumentParser(description="Kasir & Samsat OPOP")
    parser.add_argument("--host", default="127.0.0.1", help="alamat (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=5000, help="port (default 5000)")
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    app = create_app()
    prepare_database(app)
    start_sync_scheduler(app)  # nightly sync and catch-up at start; never in tests or CLI commands
    print(f"Kasir OPOP berjalan di http://{args.host}:{args.port}  (Ctrl+C untuk berhenti)")
    serve(app, host=args.host, port=args.port, threads=args.threads)


if __name__ == "__main__":
    main()
