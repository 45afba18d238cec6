package io.github.xenacpi.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A small XML element tree for the JUnit XML report, written in the form the JDK's DOM serialiser
 * ({@code Transformer} with two-space indentation) gives, byte for byte, without loading JAXP (several hundred
 * classes, a noticeable share of a cold validation): the {@code standalone="no"} declaration, attributes in name
 * order, an element of elements one child per line, an element with text on one line, an empty element as
 * {@code <x/>}. Escaping follows that serialiser too: in attribute values {@code & < > "} and tab, line feed and
 * carriage return as references; in text {@code & < >}, carriage return, U+007F to U+009F as references; characters
 * beyond the BMP as references in both. Text and values must already hold only characters XML 1.0 allows
 * ({@link JunitReport#clean}).
 */
final class XmlDocument {

    private Element root;

    /** A new element, not yet placed in the tree. */
    Element createElement(String name) {
        return new Element(name);
    }

    /** Makes {@code element} the document's root. */
    void appendChild(Element element) {
        if (root != null) {
            throw new IllegalStateException("the document already has a root element");
        }
        root = element;
    }

    /** The declaration the document begins with, ending in a line feed. */
    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n";

    /** The document as text, with its declaration, ending in a line feed. */
    String text() {
        StringBuilder out = new StringBuilder(4096);
        out.append(DECLARATION);
        if (root != null) {
            root.write(out, 0);
        }
        return out.toString();
    }

    /** One element: a name, attributes (written in name order), and either child elements or text. */
    static final class Element {
        private final String name;
        private final Map<String, String> attributes = new TreeMap<>();
        private final List<Element> children = new ArrayList<>();
        private String text = "";

        private Element(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        void setAttribute(String attribute, String value) {
            attributes.put(attribute, Objects.requireNonNull(value, "value"));
        }

        void removeAttribute(String attribute) {
            attributes.remove(attribute);
        }

        void appendChild(Element child) {
            children.add(child);
        }

        /** Replaces the element's content with text, as DOM's {@code setTextContent} does. */
        void setTextContent(String value) {
            children.clear();
            text = Objects.requireNonNull(value, "value");
        }

        /** The element as text at {@code depth} (two spaces each), ending in a line feed. */
        void write(StringBuilder out, int depth) {
            open(out, depth);
            if (!children.isEmpty()) {
                out.append(">\n");
                for (Element child : children) {
                    child.write(out, depth + 1);
                }
                close(out, depth);
            } else if (!text.isEmpty()) {
                out.append('>');
                escape(out, text, false);
                out.append("</").append(name).append(">\n");
            } else {
                out.append("/>\n");
            }
        }

        /**
         * The element's start tag at {@code depth}, for a writer that streams its children: {@link #close} follows
         * them. With no child to come, {@link #write} gives the empty element instead.
         */
        void writeStart(StringBuilder out, int depth) {
            open(out, depth);
            out.append(">\n");
        }

        /** The element's end tag at {@code depth}, on a line of its own. */
        void close(StringBuilder out, int depth) {
            out.append("  ".repeat(depth)).append("</").append(name).append(">\n");
        }

        private void open(StringBuilder out, int depth) {
            out.append("  ".repeat(depth)).append('<').append(name);
            for (Map.Entry<String, String> a : attributes.entrySet()) {
                out.append(' ').append(a.getKey()).append("=\"");
                escape(out, a.getValue(), true);
                out.append('"');
            }
        }
    }

    private static void escape(StringBuilder out, String s, boolean attribute) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\t', '\n' -> {
                    if (attribute) {
                        out.append("&#").append(c).append(';');
                    } else {
                        out.append((char) c);
                    }
                }
                case '\r' -> out.append("&#13;");
                default -> {
                    if (c > 0xFFFF || (!attribute && c >= 0x7F && c <= 0x9F)) {
                        out.append("&#").append(c).append(';');
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        }
    }
}
