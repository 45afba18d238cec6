// Three executions into one report folder: the second, with nothing changed, repeats the first's log without
// validating; the third, with other strategies, validates again. The report is the third's.
def log = new File(basedir, 'build.log').text
def unchanged = log.readLines().findAll { it.contains('xenacpi: firmware, settings and plugin unchanged since the last validation') }
assert unchanged.size() == 1 : 'repeated runs: ' + unchanged.size()
assert log.readLines().findAll { it.contains('xenacpi: good: 10 tables, 0 errors') }.size() == 3
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/xenacpi-index').listFiles().size() == 1
def json = new File(basedir, 'target/xenacpi/report.json').text
assert json.contains('"strategy" : "xen-premap"')
assert !json.contains('"strategy" : "stage2-fault"')
