"""gunicorn settings for production; every value can be overridden from the environment."""

import multiprocessing
import os
from pathlib import Path

# The application lives in src/; gunicorn imports yunzhao.config.wsgi from there.
pythonpath = str(Path(__file__).resolve().parent.parent / "src")

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# GUNICORN_ACCESS_LOG="" turns the access log off (a proxy in front usually keeps one).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
preload_app = True
