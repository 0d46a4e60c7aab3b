"""Print the number of bad-input cases by category: python -m tests.bad_inputs"""

from collections import Counter

from . import CATEGORIES, all_cases

counts = Counter(c.category for c in all_cases())
for category in CATEGORIES:
    print(f"{category:12} {counts[category]:4}")
print(f"{'total':12} {sum(counts.values()):4}")
