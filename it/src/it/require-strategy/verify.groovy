// failOn acts on firmware findings only: bus-notify's Dom0 aborts are strategy outcomes, and fail the build only
// because xenacpi.requireStrategy names bus-notify (with the default, any, stage2-fault booting Dom0 is enough).
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('xenacpi.requireStrategy=bus-notify (it must boot Dom0) is not met on 1 of 1 platform')
assert log.contains('good: bus-notify does not boot Dom0 (FAIL)')
assert !log.contains('findings at or above error on')
