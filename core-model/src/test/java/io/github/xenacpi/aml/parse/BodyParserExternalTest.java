package io.github.xenacpi.aml.parse;

import static io.github.xenacpi.aml.AmlFixtures.dsdt;
import static io.github.xenacpi.aml.AmlFixtures.load;
import static io.github.xenacpi.aml.AmlFixtures.node;
import static io.github.xenacpi.aml.AmlTerm.call;
import static io.github.xenacpi.aml.AmlTerm.integer;
import static io.github.xenacpi.aml.AmlTerm.name;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.aml.AmlName;
import io.github.xenacpi.aml.AmlObject;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.aml.LoadedNamespace;
import io.github.xenacpi.aml.NamespaceNode;
import io.github.xenacpi.aml.ObjectType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A name in a method body that neither the namespace nor an External knows is a reference; one an External
 * declares a method is a call with the External's argument count, found by the ACPI search rules from the method's
 * scope (the body parser looks candidate paths up only for names whose last segment some External ends in).
 */
class BodyParserExternalTest {

    @Test
    void aSearchableNameAnExternalDeclaresAMethodIsACallInABody() {
        byte[] table = dsdt(t -> t.external("\\_SB.EXT1", ObjectType.METHOD, 1)
                .external("\\_SB.DEV0.EXT2", ObjectType.INTEGER, 0)
                .scope(
                        "\\_SB",
                        sb -> sb.device(
                                "DEV0",
                                d -> d.method(
                                        "MTH0",
                                        0,
                                        false,
                                        m -> m.store(call("EXT1", integer(5)), name("LOC0"))
                                                .store(name("EXT2"), name("LOC1"))
                                                .store(name("OTHR"), name("LOC2"))))));
        LoadedNamespace loaded = load(table);

        List<Stmt> body = body(loaded, table, "\\_SB.DEV0.MTH0");

        assertThat(body).hasSize(3);
        assertThat(firstOperand(body.get(0))).isEqualTo(call("EXT1", integer(5)));
        assertThat(firstOperand(body.get(1))).isEqualTo(new AmlTerm.NameRef(AmlName.of("EXT2")));
        assertThat(firstOperand(body.get(2))).isEqualTo(new AmlTerm.NameRef(AmlName.of("OTHR")));
    }

    @Test
    void anExternalOutsideTheSearchPathIsNoCall() {
        byte[] table = dsdt(t -> t.external("\\_SB.DEV1.EXT1", ObjectType.METHOD, 1)
                .scope(
                        "\\_SB",
                        sb -> sb.device(
                                "DEV0", d -> d.method("MTH0", 0, false, m -> m.store(name("EXT1"), name("LOC0"))))));
        LoadedNamespace loaded = load(table);

        assertThat(firstOperand(body(loaded, table, "\\_SB.DEV0.MTH0").get(0)))
                .isEqualTo(new AmlTerm.NameRef(AmlName.of("EXT1")));
    }

    private static List<Stmt> body(LoadedNamespace loaded, byte[] table, String path) {
        NamespaceNode method = node(loaded, path);
        AmlObject.Method m = (AmlObject.Method) method.object();
        BodyParser parser = new BodyParser(table, loaded.namespace(), true);
        List<Stmt> body = parser.parse(method, m.bodyOffset(), m.bodyLength());
        assertThat(parser.faults()).isEmpty();
        return body;
    }

    private static AmlTerm firstOperand(Stmt s) {
        AmlTerm.Operation store = (AmlTerm.Operation) ((Stmt.Eval) s).term();
        assertThat(store.opcode().mnemonic()).isEqualTo("Store");
        return store.operands().get(0);
    }
}
