// Documents, a disassembly and a hidden folder beside the platforms are skipped, each said once with its reason;
// the machine folder holding only acpi/ is named after the machine.
def log = new File(basedir, 'build.log').text
assert log.contains('xenacpi: laptop: ')
assert !log.contains('xenacpi: acpi: ')
['README.md', 'MANIFEST.md', 'dsdt.dsl', '.backup'].each { name ->
    def lines = log.readLines().findAll { it.contains('skipped ') && it.contains(File.separator + name + ': ') }
    assert lines.size() == 1 : name + ' skipped ' + lines.size() + ' times'
}
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/xenacpi/report.json').text.contains('"laptop"')
