from django.urls import path

from . import account_views as views

urlpatterns = [
    path("", views.Account.as_view(), name="account"),
    path("second-factor/", views.SecondFactorVerify.as_view(), name="second_factor_verify"),
    path("second-factor/app/", views.TotpEnrol.as_view(), name="second_factor_enrol"),
    path("recovery-codes/", views.RecoveryCodesRenew.as_view(), name="recovery_codes_renew"),
    path("recovery-codes/first/", views.RecoveryCodesFirst.as_view(), name="recovery_codes_first"),
    path("devices/<path:device_id>/remove/", views.DeviceRemove.as_view(), name="device_remove"),
    path("tokens/new/", views.ApiTokenCreate.as_view(), name="api_token_create"),
    path("tokens/<int:pk>/revoke/", views.ApiTokenRevoke.as_view(), name="api_token_revoke"),
]
