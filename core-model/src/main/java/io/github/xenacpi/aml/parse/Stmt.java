package io.github.xenacpi.aml.parse;

import io.github.xenacpi.aml.AmlName;
import io.github.xenacpi.aml.AmlObject;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.aml.NamespaceNode;
import java.util.List;

/** A statement of a parsed method body: terms are kept as {@link AmlTerm}s, the loader's term trees. */
public sealed interface Stmt {

    /** The byte offset of the statement in its table. */
    int offset();

    /** A term evaluated for its effect (Store, a call, Return, Break, Continue, Notify, ...). */
    record Eval(int offset, AmlTerm term) implements Stmt {}

    /** If (predicate) {...} Else {...}; {@code otherwise} is empty without Else. */
    record If(int offset, AmlTerm predicate, List<Stmt> then, List<Stmt> otherwise) implements Stmt {}

    /** While (predicate) {...}. */
    record While(int offset, AmlTerm predicate, List<Stmt> body) implements Stmt {}

    /** Name, CreateXxxField, OperationRegion or a field unit declared inside a method: created when executed. */
    record Declare(int offset, AmlName name, AmlObject object) implements Stmt {}

    /** Module-level code inside a Scope, Device, Processor, PowerResource or ThermalZone: run in that scope. */
    record Scope(int offset, NamespaceNode scope, List<Stmt> body) implements Stmt {}

    /** Statements run in order with no scope of their own (the units of a Field declared inside a method). */
    record Block(int offset, List<Stmt> body) implements Stmt {}

    /** A construct the interpreter does not model (Device or Method inside a method, ...): a finding, no effect. */
    record Unsupported(int offset, String what) implements Stmt {}

    /** Bytes that do not parse: executing it ends the method with an error, as ACPICA's parser would. */
    record Fault(int offset, String message) implements Stmt {}
}
