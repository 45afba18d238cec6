// A failing conformance test fails the build, names the test, and joins the report as a finding.
def log = new File(basedir, 'build.log').text
assert log.contains('xenacpi: good: conformance tests: 1 run, 1 failed')
assert log.contains('xenacpi: good: test failed: BusNotifyConformanceTest dom0BootsWithoutAborts(SimulationResult)')
assert log.contains('good: PROJECT.CONFORMANCE_TEST (error)')
assert log.contains('BUILD FAILURE')
assert new File(basedir, 'target/xenacpi/report.json').text.contains('PROJECT.CONFORMANCE_TEST')
