/*
 * Intel ACPI Component Architecture
 * AML/ASL+ Disassembler
 */
DefinitionBlock ("", "DSDT", 2, "XENACP", "XENACPI", 0x00000001)
{
}
