"""What companies make: a bilingual product-category tree and the companies' products with their images."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields


class ProductCategory(TranslatableModel):
    """A node of the product-category tree of the chain (Natural rubber > Standard grades ...)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="children",
                               verbose_name=_("parent category"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    translations = TranslatedFields(name=models.CharField(_("name"), max_length=100))

    class Meta:
        verbose_name = _("product category")
        verbose_name_plural = _("product categories")
        ordering = ("position", "slug")

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug


class Product(TranslatableModel):
    company = models.ForeignKey("companies.Company", on_delete=models.CASCADE, related_name="products",
                                verbose_name=_("company"))
    categories = models.ManyToManyField(ProductCategory, related_name="products", blank=True,
                                        verbose_name=_("categories"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=200),
        description=models.TextField(_("description"), blank=True),
    )

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")
        ordering = ("company", "position", "id")

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or f"#{self.pk}"


class ProductImage(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="images", verbose_name=_("product"))
    image = models.ImageField(_("image"), upload_to="companies/products/")
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("product image")
        verbose_name_plural = _("product images")
        ordering = ("product", "position", "id")

    def __str__(self):
        return self.image.name
