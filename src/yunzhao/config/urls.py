from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from yunzhao.core import sitemaps as core_sitemaps
from yunzhao.core import views as core_views

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", core_views.healthz, name="healthz"),
    path("ping", core_views.ping, name="ping"),
    path("robots.txt", core_sitemaps.robots_txt, name="robots"),
    path("sitemap.xml", sitemap_views.sitemap, {"sitemaps": core_sitemaps.collect_sitemaps()}, name="sitemap"),
    path("api/v1/", include("yunzhao.api.urls")),
    path("", core_views.language_root, name="root"),
]

urlpatterns += i18n_patterns(
    path("", include("yunzhao.portal.urls")),
    path("accounts/", include("yunzhao.accounts.urls")),
    path("office/", include("yunzhao.office.urls")),
    path("events/", include("yunzhao.events.public_urls")),
    path("overview/", include("yunzhao.indicators.public_urls")),
    path("filing/", include("yunzhao.intake.public_urls")),
    path("consulting/", include("yunzhao.consulting.public_urls")),
    path("sign/", include("yunzhao.signing.public_urls")),
    path("fairs/", include("yunzhao.matchmaking.public_urls")),
    path("admin/", admin.site.urls),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
