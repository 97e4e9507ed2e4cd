from yunzhao.portal.views.public import HomeView

__all__ = ["HomeView"]
