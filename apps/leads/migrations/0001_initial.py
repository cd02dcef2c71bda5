# The contact requests table (apps.leads.models.Lead).

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('companies', '0003_company_verified_at'),
        ('expo', '0002_home_plugin'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Lead',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=120, verbose_name='name')),
                ('organisation', models.CharField(blank=True, max_length=200, verbose_name='company name')),
                ('email', models.EmailField(max_length=254, verbose_name='email')),
                ('phone', models.CharField(blank=True, max_length=40, verbose_name='phone')),
                ('message', models.TextField(verbose_name='message')),
                ('language', models.CharField(choices=[('en', 'English'), ('zh-hans', '简体中文')], max_length=10, verbose_name='language')),
                ('status', models.CharField(choices=[('new', 'New'), ('contacted', 'Contacted'), ('closed', 'Closed')], default='new', max_length=12, verbose_name='status')),
                ('notes', models.TextField(blank=True, help_text="Only your company's members see these notes.", verbose_name='notes')),
                ('confirmed_at', models.DateTimeField(blank=True, null=True, verbose_name='confirmed')),
                ('exported_at', models.DateTimeField(blank=True, null=True, verbose_name='last exported')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='sent')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('company', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='leads', to='companies.company', verbose_name='exhibitor')),
                ('edition', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='leads', to='expo.edition', verbose_name='expo edition')),
                ('product', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='companies.product', verbose_name='product of interest')),
                ('sender', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='leads_sent', to=settings.AUTH_USER_MODEL, verbose_name="sender's account")),
            ],
            options={
                'verbose_name': 'contact request',
                'verbose_name_plural': 'contact requests',
                'ordering': ('-confirmed_at', '-pk'),
                'permissions': [('read_lead_message', 'Can read the messages and notes of contact requests')],
                'indexes': [models.Index(condition=models.Q(('confirmed_at__isnull', False)), fields=['company', '-confirmed_at'], name='lead_company_confirmed'), models.Index(condition=models.Q(('confirmed_at__isnull', False)), fields=['company', 'status', '-confirmed_at'], name='lead_company_status'), models.Index(condition=models.Q(('confirmed_at__isnull', False)), fields=['company', 'exported_at'], name='lead_company_exported'), models.Index(fields=['edition', 'status', '-confirmed_at'], name='lead_edition_status')],
            },
        ),
    ]
