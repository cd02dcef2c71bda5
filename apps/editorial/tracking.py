"""Follows the saves of watched translation rows (django-parler's translation models): a save that changes a
watched field reports the change to services.translation_changed; a deleted translation or object takes its
statuses with it (services.translation_forget). Connected per model by registry.translation_watch_register."""

from django.db.models.signals import post_delete, post_save, pre_save


def _attnames(instance):
    # The order of parler's _original_values (TranslatedFieldsModel._get_field_values).
    return [f.get_attname() for f in instance._meta.get_fields() if not f.is_relation or f.many_to_one]


def _changed_fields(sender, instance, raw=False, **kwargs):
    from .registry import translation_watches

    watch = translation_watches.get(sender)
    if raw or watch is None:
        return
    if instance.pk is None:
        instance._editorial_changed = True
        return
    original = dict(zip(_attnames(instance), getattr(instance, "_original_values", []), strict=False))
    instance._editorial_changed = any(original.get(name) != getattr(instance, name) for name in watch.fields)


def _record(sender, instance, created=False, raw=False, **kwargs):
    from . import services
    from .registry import translation_watches

    watch = translation_watches.get(sender)
    if raw or watch is None or not getattr(instance, "_editorial_changed", False):
        return
    instance._editorial_changed = False
    label = str(getattr(instance, watch.fields[0], "") or "")[:300]
    services.translation_changed(model=watch.model, object_id=instance.master_id,
                                 language=instance.language_code, created=created, label=label)


def _forget_translation(sender, instance, **kwargs):
    from . import services
    from .registry import translation_watches

    watch = translation_watches.get(sender)
    if watch is not None:
        services.translation_forget(model=watch.model, object_id=instance.master_id, language=instance.language_code)


def _forget_object(sender, instance, **kwargs):
    from . import services

    services.translation_forget(model=sender, object_id=instance.pk)


def watch_connect(watch):
    translation_model = watch.model._parler_meta.root_model
    uid = f"editorial:{translation_model._meta.label}"
    pre_save.connect(_changed_fields, sender=translation_model, dispatch_uid=uid, weak=False)
    post_save.connect(_record, sender=translation_model, dispatch_uid=uid, weak=False)
    post_delete.connect(_forget_translation, sender=translation_model, dispatch_uid=uid, weak=False)
    post_delete.connect(_forget_object, sender=watch.model, dispatch_uid=f"editorial:{watch.model._meta.label}",
                        weak=False)
