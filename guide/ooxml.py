"""The Office Open XML namespaces, as lxml spells qualified names: the template reader's and the slide writer's."""

PRESENTATIONML = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
DRAWINGML = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
RELATIONSHIPS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
