/**
 * The bounded AML interpreter: {@link io.github.xenacpi.aml.interp.AmlInterpreter} runs control methods over a
 * loaded namespace within a {@link io.github.xenacpi.aml.interp.Budget}, recording the regions it touches.
 *
 * <p>Public: the interpreter, its {@code Budget} (and the {@code BudgetStop}s a limit caused), the
 * {@link io.github.xenacpi.aml.interp.MemoryModel} that answers SystemMemory reads, and what an evaluation gives back
 * ({@code Evaluation}, {@code RegionAccess}). Everything else is package-private: the parts of one interpreter,
 * each given in its constructor only the parts it uses, through these seams:
 *
 * <ul>
 *   <li>{@code Terms} (implemented by {@code Evaluator}): the one way back into the evaluator. Evaluate a term,
 *       resolve a name, read or write a named object. Every part recurses through it and through nothing else.</li>
 *   <li>{@code FieldAccess} (implemented by {@code FieldIo}): a field unit or buffer field read or written whole,
 *       the buffer fields and OperationRegions a method declares, an OperationRegion's operands. How a field
 *       splits into datums stays behind it.</li>
 *   <li>{@code AddressSpaces} (implemented by {@code ModelledAddressSpaces}): where one datum goes. The model records
 *       a {@code RegionAccess} and answers SystemMemory reads from the {@code MemoryModel}, never from real
 *       memory.</li>
 *   <li>{@code NamedObjects}: the namespace as the interpreter reads and changes it (lookup, Aliases, the values
 *       of Name objects). The loaded {@code Namespace} itself is never changed.</li>
 *   <li>{@code Meter}: the budget's enforcement, for the evaluation under way and for the platform's share.
 *       {@code EvaluationLog}: what the evaluation under way records. {@code IntegerWidth}: 32 or 64 bits.</li>
 * </ul>
 *
 * <p>Who uses whom ({@code Meter} and {@code IntegerWidth} left out, since almost every part uses them):
 *
 * <pre>
 * AmlInterpreter         Evaluator, MethodBodies, EvaluationLog (creates NamedObjects, ModelledAddressSpaces)
 * Evaluator (Terms)      Operators, Statements, FieldAccess, Stores, Conversions, NamedObjects, MethodBodies
 * Operators              Terms, ObjectOperators, Stores, Conversions, EvaluationLog
 * ObjectOperators        Terms, Stores, Conversions, NamedObjects
 * Statements             Terms, Stores, FieldAccess, Conversions, EvaluationLog
 * Stores                 Terms, FieldAccess, Conversions, NamedObjects
 * Conversions            Terms
 * FieldIo (FieldAccess)  Terms, Conversions, AddressSpaces, EvaluationLog
 * ModelledAddressSpaces  MemoryModel, EvaluationLog
 * </pre>
 *
 * <p>The {@code Evaluator} builds the parts it dispatches to. {@code AmlInterpreter} starts each evaluation
 * ({@code Meter.begin}, {@code EvaluationLog.begin}) and turns how it ended into an {@code Evaluation}, a
 * {@code BudgetStop} or an evaluation failure.
 */
package io.github.xenacpi.aml.interp;
