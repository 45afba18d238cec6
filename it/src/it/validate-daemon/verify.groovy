// Two executions with the daemon on: both validate, the first starting the daemon (its socket is left in the
// owner-only daemons folder while it idles), the second handing it its job.
def log = new File(basedir, 'build.log').text
assert log.readLines().findAll { it.contains('xenacpi: good: 10 tables, 0 errors') }.size() == 2
assert !log.contains('lost the validation daemon')
assert !log.contains('no validation daemon')
assert log.contains('BUILD SUCCESS')
def daemons = new File(System.getProperty('java.io.tmpdir'), 'xenacpi-it-daemon/daemons')
assert daemons.listFiles().any { it.name.startsWith('daemon-') && it.name.endsWith('.sock') }
for (report in ['target/xenacpi/report.json', 'target/second/report.json']) {
    assert new File(basedir, report).text.contains('"strategy" : "stage2-fault"')
}
