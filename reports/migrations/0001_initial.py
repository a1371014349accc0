"""The reports app's tables, generated from the models by Django 5.2.19, and what the models can't
say: the btree_gist extension that the index incident_position_time needs, and the standard
categories of the municipalities that exist already. The triggers keeping the counts are in 0002.

It replaces the app's first 21 migrations, squashed before the product was deployed.
"""

import django.contrib.gis.db.models.fields
import django.contrib.postgres.fields.ranges
import django.contrib.postgres.indexes
import django.db.models.deletion
import reports.incidents.models.photo
import reports.incidents.models.imports
import simple_history.models
from django.conf import settings
from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations, models

# A copy, not an import: a migration must keep working when the code moves on.
# Municipalities created later get them from reports.incidents.categories.seed_new_municipality.
STANDARD_CATEGORIES = [
    ("vandalism", "Skadegörelse"),
    ("graffiti", "Klotter"),
    ("littering", "Nedskräpning"),
    ("unsafe_gathering", "Otrygghetsskapande folksamling"),
    ("burglary", "Inbrott"),
    ("theft", "Stöld"),
    ("drug_dealing", "Misstänkt narkotikaförsäljning"),
    ("drug_influence", "Narkotikapåverkan"),
    ("fire", "Brand/anlagd brand"),
    ("threat_violence", "Hot och våld"),
    ("disorder", "Ordningsstörning"),
    ("traffic", "Trafik"),
    ("other", "Övrigt"),
]


def seed_standard_categories(apps, schema_editor):
    """Give the municipalities that exist already the standard incident categories."""
    Municipality = apps.get_model("est", "Municipality")
    Category = apps.get_model("reports", "Category")
    Category.objects.bulk_create(
        [
            Category(municipality_id=pk, code=code, name=name, order=(index + 1) * 10)
            for pk in Municipality.objects.values_list("pk", flat=True)
            for index, (code, name) in enumerate(STANDARD_CATEGORIES)
        ],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('est', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # GiST over a timestamp as well as the position (incident_position_time below); a trusted
        # extension of PostgreSQL's contrib.
        BtreeGistExtension(),
        migrations.CreateModel(
            name='Category',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('code', models.SlugField(blank=True, verbose_name='code')),
                ('order', models.PositiveSmallIntegerField(default=100, verbose_name='order')),
                ('retired', models.BooleanField(default=False, help_text="Retired categories are kept for old incidents but can't be chosen.", verbose_name='retired')),
                ('municipality', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='incident_categories', to='est.municipality', verbose_name='municipality')),
            ],
            options={
                'verbose_name': 'category',
                'verbose_name_plural': 'categories',
                'ordering': ['municipality', 'order', 'name'],
            },
        ),
        migrations.CreateModel(
            name='IncidentCell',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('size', models.PositiveIntegerField(verbose_name='cell side in metres')),
                ('x', models.IntegerField(help_text='Easting divided by the size, floored.', verbose_name='cell column')),
                ('y', models.IntegerField(help_text='Northing divided by the size, floored.', verbose_name='cell row')),
                ('month', models.BooleanField(help_text='True: the month starting on the start day; false: a day.', verbose_name='whole month')),
                ('start', models.DateField(verbose_name='first day')),
                ('count', models.IntegerField(verbose_name='incidents')),
                ('sum_x', models.FloatField(verbose_name='sum of eastings')),
                ('sum_y', models.FloatField(verbose_name='sum of northings')),
            ],
            options={
                'verbose_name': 'incident map cell',
                'verbose_name_plural': 'incident map cells',
                'constraints': [models.UniqueConstraint(fields=('size', 'month', 'start', 'x', 'y'), name='incident_cell_key')],
            },
        ),
        migrations.CreateModel(
            name='IncidentDayCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('day', models.DateField(verbose_name='day')),
                ('precise', models.BooleanField(verbose_name='precise position')),
                ('count', models.IntegerField(verbose_name='incidents')),
                ('category', models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='reports.category', verbose_name='category')),
                ('municipality', models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='est.municipality', verbose_name='municipality')),
            ],
            options={
                'verbose_name': 'incidents per day',
                'verbose_name_plural': 'incidents per day',
            },
        ),
        migrations.CreateModel(
            name='IncidentImport',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('file', models.FileField(upload_to=reports.incidents.models.imports.import_upload_path, verbose_name='file')),
                ('original_name', models.CharField(max_length=200, verbose_name='file name')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='uploaded at')),
                ('status', models.CharField(choices=[('preview', 'Awaiting confirmation'), ('imported', 'Imported')], default='preview', max_length=20, verbose_name='status')),
                ('row_count', models.PositiveIntegerField(default=0, verbose_name='rows')),
                ('error_count', models.PositiveIntegerField(default=0, verbose_name='rows with errors')),
                ('imported_at', models.DateTimeField(blank=True, null=True, verbose_name='imported at')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
                ('municipality', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='incident_imports', to='est.municipality', verbose_name='municipality')),
            ],
            options={
                'verbose_name': 'incident import',
                'verbose_name_plural': 'incident imports',
                'ordering': ['-created_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='Incident',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('occurred_from', models.DateTimeField(verbose_name='happened from')),
                ('occurred_to', models.DateTimeField(verbose_name='happened until')),
                ('position', django.contrib.gis.db.models.fields.PointField(spatial_index=False, srid=3006, verbose_name='position')),
                ('place_geometry', django.contrib.gis.db.models.fields.GeometryField(blank=True, null=True, srid=3006, verbose_name='place as a line or area')),
                ('position_precise', models.BooleanField(default=True, help_text='False when only the town or the municipality is known, as for police events.', verbose_name='precise position')),
                ('place_name', models.CharField(blank=True, max_length=200, verbose_name='place')),
                ('description', models.TextField(blank=True, verbose_name='what happened')),
                ('police_informed', models.BooleanField(default=False, verbose_name='police informed')),
                ('police_reference', models.CharField(blank=True, max_length=50, verbose_name='police reference number')),
                ('source', models.CharField(choices=[('reporter', 'Reporter'), ('import', 'Import'), ('police_event', 'Police event'), ('safety_walk', 'Safety walk'), ('tip', 'Tip from a resident')], default='reporter', max_length=20, verbose_name='source')),
                ('status', models.CharField(choices=[('new', 'New'), ('reviewed', 'Reviewed'), ('needs_information', 'Needs more information'), ('closed', 'Closed')], default='new', max_length=20, verbose_name='status')),
                ('triage_note', models.TextField(blank=True, help_text='What the coordinator asks or noted when reviewing.', verbose_name='note from the coordinator')),
                ('idempotency_key', models.UUIDField(blank=True, editable=False, help_text='Sent with the filing form, so that a resent form files nothing twice.', null=True, verbose_name='submission key')),
                ('police_event_id', models.PositiveBigIntegerField(blank=True, editable=False, null=True, unique=True, verbose_name='police event id')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='filed at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='changed at')),
                ('category', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='incidents', to='reports.category', verbose_name='category')),
                ('municipality', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='incidents', to='est.municipality', verbose_name='municipality')),
                ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='incidents', to='est.organisation', verbose_name='organisation')),
                ('reporter', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='incidents', to=settings.AUTH_USER_MODEL, verbose_name='reporter')),
                ('merged_into', models.ForeignKey(blank=True, editable=False, help_text='A duplicate is kept, merged into this incident, and left out of lists.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='merged', to='reports.incident', verbose_name='merged into')),
                ('incident_import', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='incidents', to='reports.incidentimport', verbose_name='import')),
            ],
            options={
                'verbose_name': 'incident',
                'verbose_name_plural': 'incidents',
                'ordering': ['-occurred_from', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalIncident',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('occurred_from', models.DateTimeField(verbose_name='happened from')),
                ('occurred_to', models.DateTimeField(verbose_name='happened until')),
                ('position', django.contrib.gis.db.models.fields.PointField(spatial_index=False, srid=3006, verbose_name='position')),
                ('place_geometry', django.contrib.gis.db.models.fields.GeometryField(blank=True, null=True, spatial_index=False, srid=3006, verbose_name='place as a line or area')),
                ('position_precise', models.BooleanField(default=True, help_text='False when only the town or the municipality is known, as for police events.', verbose_name='precise position')),
                ('place_name', models.CharField(blank=True, max_length=200, verbose_name='place')),
                ('description', models.TextField(blank=True, verbose_name='what happened')),
                ('police_informed', models.BooleanField(default=False, verbose_name='police informed')),
                ('police_reference', models.CharField(blank=True, max_length=50, verbose_name='police reference number')),
                ('source', models.CharField(choices=[('reporter', 'Reporter'), ('import', 'Import'), ('police_event', 'Police event'), ('safety_walk', 'Safety walk'), ('tip', 'Tip from a resident')], default='reporter', max_length=20, verbose_name='source')),
                ('status', models.CharField(choices=[('new', 'New'), ('reviewed', 'Reviewed'), ('needs_information', 'Needs more information'), ('closed', 'Closed')], default='new', max_length=20, verbose_name='status')),
                ('triage_note', models.TextField(blank=True, help_text='What the coordinator asks or noted when reviewing.', verbose_name='note from the coordinator')),
                ('idempotency_key', models.UUIDField(blank=True, editable=False, help_text='Sent with the filing form, so that a resent form files nothing twice.', null=True, verbose_name='submission key')),
                ('police_event_id', models.PositiveBigIntegerField(blank=True, editable=False, null=True, verbose_name='police event id')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='filed at')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('category', models.ForeignKey(blank=True, db_constraint=False, db_index=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='reports.category', verbose_name='category')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('municipality', models.ForeignKey(blank=True, db_constraint=False, db_index=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='est.municipality', verbose_name='municipality')),
                ('organisation', models.ForeignKey(blank=True, db_constraint=False, db_index=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='est.organisation', verbose_name='organisation')),
                ('reporter', models.ForeignKey(blank=True, db_constraint=False, db_index=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='reporter')),
                ('merged_into', models.ForeignKey(blank=True, db_constraint=False, db_index=False, editable=False, help_text='A duplicate is kept, merged into this incident, and left out of lists.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='reports.incident', verbose_name='merged into')),
                ('incident_import', models.ForeignKey(blank=True, db_constraint=False, db_index=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='reports.incidentimport', verbose_name='import')),
            ],
            options={
                'verbose_name': 'historical incident',
                'verbose_name_plural': 'historical incidents',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='IncidentPhoto',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('image', models.ImageField(height_field='height', upload_to=reports.incidents.models.photo.photo_upload_path, verbose_name='photo', width_field='width')),
                ('thumbnail', models.ImageField(upload_to=reports.incidents.models.photo.photo_upload_path, verbose_name='thumbnail')),
                ('width', models.PositiveIntegerField(editable=False, null=True)),
                ('height', models.PositiveIntegerField(editable=False, null=True)),
                ('uploaded_at', models.DateTimeField(auto_now_add=True)),
                ('incident', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='photos', to='reports.incident', verbose_name='incident')),
                ('uploaded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'photo',
                'verbose_name_plural': 'photos',
                'ordering': ['uploaded_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='SituationPicture',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('period_start', models.DateField(verbose_name='period starts')),
                ('period_end', models.DateField(help_text='The first day after the period.', verbose_name='period ends')),
                ('version', models.PositiveSmallIntegerField(default=1, verbose_name='version')),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('review', 'Ready for review'), ('published', 'Published')], default='draft', max_length=20, verbose_name='status')),
                ('compile_state', models.CharField(choices=[('queued', 'Waiting to be compiled'), ('running', 'Being compiled'), ('done', 'Compiled')], default='queued', max_length=20, verbose_name='compiling')),
                ('claimed_at', models.DateTimeField(blank=True, editable=False, null=True)),
                ('compiled_at', models.DateTimeField(blank=True, null=True, verbose_name='compiled at')),
                ('content', models.JSONField(blank=True, default=dict, verbose_name='content')),
                ('analysis', models.TextField(blank=True, help_text="The coordinator's analysis (formatted text).", verbose_name='analysis')),
                ('problems', models.TextField(blank=True, help_text='The problem picture (problembild).', verbose_name='problems identified')),
                ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='published at')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('municipality', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='situation_pictures', to='est.municipality', verbose_name='municipality')),
                ('published_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('shared_with', models.ManyToManyField(blank=True, help_text='Organisations that are told and may read the picture once it is published.', related_name='situation_pictures', to='est.organisation', verbose_name='shared with')),
                ('superseded_by', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='supersedes', to='reports.situationpicture', verbose_name='superseded by')),
            ],
            options={
                'verbose_name': 'situation picture',
                'verbose_name_plural': 'situation pictures',
                'ordering': ['municipality', '-period_start', '-version'],
            },
        ),
        migrations.CreateModel(
            name='Intervention',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('what', models.CharField(max_length=200, verbose_name='what')),
                ('problem', models.TextField(blank=True, verbose_name='problem')),
                ('starts_on', models.DateField(verbose_name='from')),
                ('ends_on', models.DateField(verbose_name='until')),
                ('times', models.CharField(blank=True, help_text='For example: Fri–Sat 21–03.', max_length=100, verbose_name='times')),
                ('status', models.CharField(choices=[('planned', 'Planned'), ('ongoing', 'Ongoing'), ('done', 'Carried out'), ('not_done', 'Not carried out')], default='planned', max_length=20, verbose_name='status')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('area', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='interventions', to='est.area', verbose_name='where')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('decided_in', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='interventions', to='reports.situationpicture', verbose_name='decided in')),
                ('incidents', models.ManyToManyField(blank=True, related_name='interventions', to='reports.incident', verbose_name='motivating incidents')),
                ('municipality', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='interventions', to='est.municipality', verbose_name='municipality')),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='interventions', to='est.organisation', verbose_name='owning organisation')),
                ('comparison_area', models.ForeignKey(blank=True, help_text='Without one, the effect is judged against the rest of the municipality.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='compared_interventions', to='est.area', verbose_name='comparison area')),
            ],
            options={
                'verbose_name': 'intervention',
                'verbose_name_plural': 'interventions',
                'ordering': ['starts_on', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='TertialAnalysis',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(verbose_name='year')),
                ('number', models.PositiveSmallIntegerField(verbose_name='tertial')),
                ('version', models.PositiveSmallIntegerField(default=1, verbose_name='version')),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('submitted', 'Submitted to the management group'), ('adopted', 'Adopted')], default='draft', max_length=20, verbose_name='status')),
                ('compile_state', models.CharField(choices=[('queued', 'Waiting to be compiled'), ('running', 'Being compiled'), ('done', 'Compiled')], default='queued', max_length=20, verbose_name='compiling')),
                ('claimed_at', models.DateTimeField(blank=True, editable=False, null=True)),
                ('compiled_at', models.DateTimeField(blank=True, null=True, verbose_name='compiled at')),
                ('content', models.JSONField(blank=True, default=dict, verbose_name='content')),
                ('key_messages', models.TextField(blank=True, help_text="The coordinator's key messages.", verbose_name='key messages')),
                ('direction', models.TextField(blank=True, help_text='The direction for the next tertial.', verbose_name='proposed direction')),
                ('adopted_on', models.DateField(blank=True, null=True, verbose_name='adopted on')),
                ('decision', models.TextField(blank=True, verbose_name='decision')),
                ('render_state', models.CharField(choices=[('none', 'No PDF yet'), ('queued', 'PDF waiting to be made'), ('running', 'PDF being made'), ('done', 'PDF ready'), ('failed', 'PDF failed')], default='none', max_length=20, verbose_name='PDF')),
                ('render_claimed_at', models.DateTimeField(blank=True, editable=False, null=True)),
                ('pdf', models.BinaryField(blank=True, null=True)),
                ('pdf_hash', models.CharField(blank=True, editable=False, max_length=64)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('municipality', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tertial_analyses', to='est.municipality', verbose_name='municipality')),
                ('superseded_by', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='supersedes', to='reports.tertialanalysis', verbose_name='superseded by')),
                ('updated_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'tertial analysis',
                'verbose_name_plural': 'tertial analyses',
                'ordering': ['municipality', '-year', '-number', '-version'],
            },
        ),
        migrations.AddConstraint(
            model_name='category',
            constraint=models.UniqueConstraint(fields=('municipality', 'name'), name='category_name_unique'),
        ),
        migrations.AddConstraint(
            model_name='category',
            constraint=models.UniqueConstraint(condition=models.Q(('code', ''), _negated=True), fields=('municipality', 'code'), name='category_code_unique'),
        ),
        migrations.AddConstraint(
            model_name='incidentdaycount',
            constraint=models.UniqueConstraint(fields=('municipality', 'day', 'category', 'precise'), name='incident_day_count_key'),
        ),
        migrations.AddIndex(
            model_name='incident',
            index=django.contrib.postgres.indexes.GistIndex(fields=['position', 'occurred_from'], name='incident_position_time'),
        ),
        migrations.AddIndex(
            model_name='incident',
            index=models.Index(fields=['municipality', 'occurred_from', 'id'], name='incident_municipality_time'),
        ),
        migrations.AddIndex(
            model_name='incident',
            index=models.Index(fields=['municipality', 'status'], name='incident_municipality_status'),
        ),
        migrations.AddIndex(
            model_name='incident',
            index=models.Index(fields=['-occurred_from', '-id'], name='incident_newest_first'),
        ),
        migrations.AddIndex(
            model_name='incident',
            index=models.Index(condition=models.Q(models.Q(('source', 'police_event'), _negated=True), ('merged_into__isnull', True)), fields=['municipality', 'occurred_from'], include=('category', 'occurred_to', 'position', 'position_precise'), name='incident_counted_time'),
        ),
        migrations.AddIndex(
            model_name='incident',
            index=models.Index(condition=models.Q(('source', 'police_event')), fields=['municipality', 'occurred_from'], name='incident_police_event_time'),
        ),
        migrations.AddIndex(
            model_name='incident',
            index=django.contrib.postgres.indexes.GistIndex(models.Func(models.F('occurred_from'), models.F('occurred_to'), models.Value('[]'), function='tstzrange', output_field=django.contrib.postgres.fields.ranges.DateTimeRangeField()), name='incident_period'),
        ),
        migrations.AddIndex(
            model_name='incident',
            index=models.Index(condition=models.Q(('position_precise', False)), fields=['occurred_to'], include=('id', 'occurred_from', 'municipality', 'merged_into', 'position'), name='incident_imprecise_until'),
        ),
        migrations.AddConstraint(
            model_name='incident',
            constraint=models.CheckConstraint(condition=models.Q(('occurred_to__gte', models.F('occurred_from'))), name='incident_period_order'),
        ),
        migrations.AddConstraint(
            model_name='incident',
            constraint=models.UniqueConstraint(fields=('reporter', 'idempotency_key'), name='incident_idempotency_key_unique'),
        ),
        migrations.AddIndex(
            model_name='situationpicture',
            index=models.Index(fields=['municipality', 'period_start'], name='situation_municipality'),
        ),
        migrations.AddConstraint(
            model_name='situationpicture',
            constraint=models.UniqueConstraint(fields=('municipality', 'period_start', 'version'), name='situation_picture_unique_version'),
        ),
        migrations.AddConstraint(
            model_name='situationpicture',
            constraint=models.CheckConstraint(condition=models.Q(('period_end__gt', models.F('period_start'))), name='situation_picture_period_order'),
        ),
        migrations.AddConstraint(
            model_name='situationpicture',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'published'), _negated=True), ('published_at__isnull', False), _connector='OR'), name='situation_picture_published_at'),
        ),
        migrations.AddConstraint(
            model_name='intervention',
            constraint=models.CheckConstraint(condition=models.Q(('ends_on__gte', models.F('starts_on'))), name='intervention_period_order'),
        ),
        migrations.AddConstraint(
            model_name='tertialanalysis',
            constraint=models.UniqueConstraint(fields=('municipality', 'year', 'number', 'version'), name='tertial_analysis_unique_version'),
        ),
        migrations.AddConstraint(
            model_name='tertialanalysis',
            constraint=models.CheckConstraint(condition=models.Q(('number__gte', 1), ('number__lte', 3)), name='tertial_analysis_number'),
        ),
        migrations.AddConstraint(
            model_name='tertialanalysis',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'adopted'), _negated=True), ('adopted_on__isnull', False), _connector='OR'), name='tertial_analysis_adopted_on'),
        ),
        # For the municipalities that exist already: none on a new database, where each one gets
        # them as it is created.
        migrations.RunPython(seed_standard_categories, migrations.RunPython.noop),
    ]
