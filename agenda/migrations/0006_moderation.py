import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('agenda', '0005_edition_intro_translations'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ActivityDecision',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('action', models.CharField(choices=[('submit', 'Submitted'), ('approve', 'Approved'), ('request_changes', 'Changes requested'), ('reject', 'Rejected'), ('withdraw', 'Withdrawn')], max_length=20, verbose_name='action')),
                ('message', models.TextField(blank=True, verbose_name='message')),
                ('about_changes', models.BooleanField(default=False, help_text='About proposed changes to an activity that is already public.', verbose_name='about changes')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='when')),
                ('activity', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='decisions', to='agenda.activity', verbose_name='activity')),
                ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by')),
            ],
            options={
                'verbose_name': 'moderation decision',
                'verbose_name_plural': 'moderation decisions',
                'ordering': ['-created_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='ActivityRevision',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('data', models.JSONField(verbose_name='proposed values')),
                ('state', models.CharField(choices=[('draft', 'Draft'), ('submitted', 'Submitted'), ('approved', 'Approved'), ('changes_requested', 'Changes requested'), ('rejected', 'Rejected'), ('withdrawn', 'Withdrawn')], default='submitted', max_length=20, verbose_name='state')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('activity', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='revisions', to='agenda.activity', verbose_name='activity')),
            ],
            options={
                'verbose_name': 'proposed change',
                'verbose_name_plural': 'proposed changes',
                'ordering': ['-created_at'],
            },
        ),
        migrations.AddConstraint(
            model_name='activityrevision',
            constraint=models.UniqueConstraint(condition=models.Q(('state__in', ['submitted', 'changes_requested'])), fields=('activity',), name='activity_one_open_revision'),
        ),
    ]
