from django.urls import path

from . import views

urlpatterns = [
    path("kontakt/", views.PublicContactIndex.as_view(), name="public_contact_index"),
    path("kontakt/<municipality:code>/", views.PublicContacts.as_view(), name="public_contacts"),
    path("contacts/<municipality:code>/", views.ContactsEdit.as_view(), name="contacts_edit"),
]
