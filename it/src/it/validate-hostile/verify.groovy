// The hostile preset fails the build; the message counts the findings and names the first ones.
def log = new File(basedir, 'build.log').text
assert log =~ /xenacpi: \d+ findings at or above error on 1 of 1 platform/
assert log.contains('hostile: ACPI.HEADER.LENGTH (error)')
assert log.contains('BUILD FAILURE')
assert new File(basedir, 'target/xenacpi/index.html').isFile()
