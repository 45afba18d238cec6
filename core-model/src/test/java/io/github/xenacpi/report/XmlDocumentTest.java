package io.github.xenacpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.report.XmlDocument.Element;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;

/**
 * The JUnit XML writer's tree writes what the JDK's DOM serialiser (the writer used before) writes for the
 * same tree, byte for byte: nesting, attribute order, empty elements, and the escaping of every character XML 1.0
 * allows, in attribute values and in text.
 */
class XmlDocumentTest {

    /** Builds the same tree twice: once as a DOM, once as an {@link XmlDocument}. */
    private interface Builder {
        Object element(String name);

        void attribute(Object element, String name, String value);

        void child(Object parent, Object child);

        void text(Object element, String text);
    }

    @Test
    void everyAllowedCharacterIsWrittenAsTheDomSerialiserWritesIt() throws Exception {
        List<String> pieces = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int c = 1; c < 0x110000; c++) {
            if (allowed(c)) {
                run.appendCodePoint(c);
            }
            if (run.length() > 512 || c == 0x10FFFF) {
                pieces.add(run.toString());
                run.setLength(0);
            }
        }
        assertSame(b -> {
            Object root = b.element("testsuites");
            for (String piece : pieces) {
                Object e = b.element("testcase");
                b.attribute(e, "message", piece);
                b.text(e, piece);
                b.child(root, e);
            }
            return root;
        });
    }

    @Test
    void randomTreesAreWrittenAsTheDomSerialiserWritesThem() throws Exception {
        String alphabet = "ab <>&\"'\t\n\r]]>\u007f\u0085\u00e9\u2028\ufffd";
        for (int round = 0; round < 200; round++) {
            long seed = round;
            assertSame(b -> {
                Random random = new Random(seed);
                Object root = b.element("testsuites");
                b.attribute(root, "name", "xen-acpi-conformance");
                for (int s = 0; s < random.nextInt(4); s++) {
                    Object suite = b.element("testsuite");
                    b.attribute(suite, "tests", Integer.toString(random.nextInt(100)));
                    b.attribute(suite, "name", text(random, alphabet));
                    b.child(root, suite);
                    for (int c = 0; c < random.nextInt(5); c++) {
                        Object tc = b.element("testcase");
                        b.attribute(tc, "name", text(random, alphabet));
                        b.attribute(tc, "classname", "p.firmware");
                        b.child(suite, tc);
                        if (random.nextBoolean()) {
                            Object out = b.element(random.nextBoolean() ? "system-out" : "failure");
                            if (random.nextBoolean()) {
                                b.attribute(out, "type", "verdict");
                            }
                            b.text(out, random.nextInt(5) == 0 ? "" : text(random, alphabet));
                            b.child(tc, out);
                        }
                        if (random.nextInt(4) == 0) {
                            b.child(tc, b.element("skipped"));
                        }
                    }
                }
                return root;
            });
        }
    }

    private static String text(Random random, String alphabet) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(10) == 0) {
                s.appendCodePoint(0x1F600 + random.nextInt(40));
            } else {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return s.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9
                || c == 0xA
                || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private interface Tree {
        Object build(Builder b);
    }

    private static void assertSame(Tree tree) throws Exception {
        org.w3c.dom.Document dom =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        Object domRoot = tree.build(new Builder() {
            @Override
            public Object element(String name) {
                return dom.createElement(name);
            }

            @Override
            public void attribute(Object element, String name, String value) {
                ((org.w3c.dom.Element) element).setAttribute(name, value);
            }

            @Override
            public void child(Object parent, Object child) {
                ((org.w3c.dom.Element) parent).appendChild((org.w3c.dom.Element) child);
            }

            @Override
            public void text(Object element, String text) {
                ((org.w3c.dom.Element) element).setTextContent(text);
            }
        });
        dom.appendChild((org.w3c.dom.Element) domRoot);
        Transformer t = TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(OutputKeys.INDENT, "yes");
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
        StringWriter expected = new StringWriter();
        t.transform(new DOMSource(dom), new StreamResult(expected));

        XmlDocument ours = new XmlDocument();
        Object root = tree.build(new Builder() {
            @Override
            public Object element(String name) {
                return ours.createElement(name);
            }

            @Override
            public void attribute(Object element, String name, String value) {
                ((Element) element).setAttribute(name, value);
            }

            @Override
            public void child(Object parent, Object child) {
                ((Element) parent).appendChild((Element) child);
            }

            @Override
            public void text(Object element, String text) {
                ((Element) element).setTextContent(text);
            }
        });
        ours.appendChild((Element) root);
        assertThat(ours.text()).isEqualTo(expected.toString());
    }
}
