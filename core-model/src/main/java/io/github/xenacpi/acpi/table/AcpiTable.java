package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;

/**
 * A decoded ACPI table: one immutable record per signature, holding every field the specification defines for
 * the revisions seen in real firmware. What the table says about memory lives in the regions its decoder reports;
 * what is wrong with it, in diagnostics. The set is closed: a new decoder's record joins the permits list.
 */
public sealed interface AcpiTable
        permits AestTable,
                ApmtTable,
                BertTable,
                BgrtTable,
                CedtTable,
                CsrtTable,
                Dbg2Table,
                EinjTable,
                ErstTable,
                FacsTable,
                FadtTable,
                FpdtTable,
                GtdtTable,
                HestTable,
                HmatTable,
                IortTable,
                MadtTable,
                McfgTable,
                MpamTable,
                PcctTable,
                PpttTable,
                RootTable,
                RsdpTable,
                SdeiTable,
                SdevTable,
                SlitTable,
                SpcrTable,
                SratTable,
                StaoTable,
                Tpm2Table,
                UnknownTable,
                ViotTable,
                WdatTable,
                XenvTable {

    /** The table's header. */
    TableHeader header();
}
