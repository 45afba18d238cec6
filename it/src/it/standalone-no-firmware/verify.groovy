// Outside a project and without xenacpi.firmware, validate fails saying how to name the firmware; it never checks
// the bundled demo platforms instead.
def log = new File(basedir, 'build.log').text
assert log.contains('xenacpi: no firmware to validate: outside a project, name it with xenacpi.firmware')
assert log.contains(basedir.canonicalPath) || log.contains(basedir.absolutePath)
assert !log.contains('xenacpi: qemu-virt:')
assert !new File(basedir, 'target/xenacpi').exists()
