"""ComponentSharingStylesheet: Textual's stylesheet, which works out a component class's rules once for every widget
that sits in the same place as far as the rules can tell."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from textual.css.styles import RenderStyles
from textual.css.stylesheet import RulesMap, Stylesheet
from textual.dom import DOMNode

Place = tuple[tuple[type, str | None, frozenset[str], frozenset[str]], ...]
"""What a selector can see of a node's path from the app: each node's type, id, classes and pseudo-classes."""


class ComponentSharingStylesheet(Stylesheet):
    """A stylesheet that matches a widget's component classes against its rules once per place, not once per widget.

    Textual works out each component class ("article-view--match-0") of each widget by matching a node made for it
    against every rule, and does so again whenever the widget's styles are applied: for the reader's five columns
    of 21 component classes each, ten matchings before the first frame, more than all the rest of its styling.
    Which rules match depends only on what the selectors look at along the path from the app (`Place`), so the rules
    found for one place serve every widget in that place; each widget still gets nodes and styles of its own, under
    itself, for colours that blend with its own background. The rules found are kept until the stylesheet is parsed
    again (a new theme, new CSS).
    """

    def __init__(self, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self._found: dict[tuple[type, Place], dict[str, RulesMap]] = {}
        self._found_with: object = None
        """The list of rules `_found` was worked out with: the stylesheet parsed again makes another."""
        self._pseudo_classes: dict[frozenset[str], frozenset[str]] = {}
        """By component classes: the pseudo-classes named by the rules that can style them, the only ones that tell
        one place from another."""
        self._given: WeakKeyDictionary[DOMNode, tuple[type, Place]] = WeakKeyDictionary()
        """The place each widget's component styles were last given for: a widget styled again in the same place keeps them."""

    def _process_component_classes(self, node: DOMNode) -> None:
        components = node._get_component_classes()
        if not components:
            return
        rules = self.rules
        if rules is not self._found_with:
            self._found.clear()
            self._given.clear()
            self._found_with = rules
            self._pseudo_classes.clear()
        pseudo_classes = self._pseudo_classes.get(components)
        if pseudo_classes is None:
            pseudo_classes = self._pseudo_classes[components] = self._named_with(components)
        key = (type(node), place(node, pseudo_classes))
        if self._given.get(node) == key and node._component_styles.keys() == components:
            return  # styled again where it was (the screen shown, a class that no selector of these names changed)
        self._given[node] = key
        found = self._found.get(key)
        if found is None:
            super()._process_component_classes(node)
            self._found[key] = {name: styles.base.get_rules() for name, styles in node._component_styles.items()}
            return
        old = node._component_styles.copy()
        node._component_styles.clear()
        changed = False
        for name in sorted(components):
            virtual = DOMNode(classes=name)
            virtual._attach(node)
            self.replace_rules(virtual, found[name], animate=False)
            styles: RenderStyles = virtual.styles
            changed = changed or old.get(name) != styles
            node._component_styles[name] = styles
        if changed:
            node.refresh()

    def copy(self) -> Stylesheet:
        """A copy, sharing as this one does (Textual's makes a plain Stylesheet: its CSS reload in --dev)."""
        stylesheet = ComponentSharingStylesheet(variables=self._variables.copy())
        stylesheet.source = self.source.copy()
        return stylesheet

    def _named_with(self, components: frozenset[str]) -> frozenset[str]:
        """The pseudo-classes named anywhere in the rules that can style these component classes."""
        names = set().union(*(DOMNode(classes=name)._selector_names for name in components))  # what a rule can name them by
        return frozenset().union(*(rule.pseudo_classes for name in names for rule in self.rules_map.get(name, ())))


def place(node: DOMNode, pseudo_classes: frozenset[str]) -> Place:
    """What selectors naming these `pseudo_classes` can tell of where `node` is: the same place, the same rules."""
    return tuple((type(each), each.id, frozenset(each.classes), frozenset(name for name in pseudo_classes if each.has_pseudo_class(name)))
                 for each in node.css_path_nodes)
