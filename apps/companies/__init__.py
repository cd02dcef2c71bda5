"""Companies: the one company record behind the whole portal.

Owns `Company` (bilingual profile, logo, chain segment, region, verification) with its `Membership` (the users who
manage it), the product catalogue (category tree, products, product images: catalogue.py), the directory's
initials and keyword search fields (search.py) and the demo companies. Expo participations, articles, forum
speakers and notices all point at a company.

Below the feature apps and importing none of them: signals.py is how they meet it (`company_changed`, the
company page's URL and its sections).
"""
