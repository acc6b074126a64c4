import django_filters
from django.utils.translation import gettext_lazy as _

from opportunities.models import Opportunity


class OpportunityFilter(django_filters.FilterSet):
    # Kind only: the lists are short (open calls are a handful at a time), and a fixed
    # choice list renders without a query.
    kind = django_filters.ChoiceFilter(
        choices=Opportunity.Kind.choices, label=_("Kind"), empty_label=_("Any kind")
    )

    class Meta:
        model = Opportunity
        fields = ["kind"]
