// failOnViolation=false: the findings are warnings, the report is written, the build passes.
def log = new File(basedir, 'build.log').text
assert log =~ /\[WARNING\] xenacpi: \d+ firmware findings at or above error and \d+ unmet strategy requirements do not fail the build/
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/xenacpi/report.json').isFile()
assert !new File(basedir, 'target/xenacpi/report.sarif').exists()
