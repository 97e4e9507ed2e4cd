import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yunzhao.config.settings")
application = get_wsgi_application()

# What every request shares is loaded now, before the workers fork (see core.warmup).
from yunzhao.core.warmup import warm_up  # noqa: E402 -- needs the application set up first

warm_up()
