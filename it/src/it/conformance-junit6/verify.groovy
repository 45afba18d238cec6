// The project's @XenPlatform tests pass under Surefire (JUnit 6.1.3) and run once per platform in validate.
def log = new File(basedir, 'build.log').text
assert log =~ /Tests run: \d+, Failures: 0, Errors: 0/
assert new File(basedir, 'target/surefire-reports').isDirectory()
assert log =~ /xenacpi: good: conformance tests: \d+ run, 0 failed/
assert log =~ /xenacpi: good.acpidump.txt: conformance tests: \d+ run, 0 failed/
assert log.contains('BUILD SUCCESS')
