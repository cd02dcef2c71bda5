app_name = "expo_portal"

urlpatterns = []
