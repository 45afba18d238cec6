// The hostile firmware has errors; with them in the baseline (and DBG2 suppressed with a reason) the build passes,
// saying what is known and what is suppressed. The baseline holds no path of this machine.
def baseline = new File(basedir, 'xenacpi-baseline.json')
assert baseline.isFile()
def text = baseline.text
assert text.contains('"schema" : "xenacpi-baseline/1"')
assert text.contains('"platform" : "hostile.acpidump.txt"')
assert !text.contains(basedir.absolutePath)
def log = new File(basedir, 'build.log').text
assert log.contains('known finding')
assert log.contains('suppressed: SBBR.TABLE.DBG2.REQUIRED: the board has no debug port; DBG2 stays absent')
assert log.contains('BUILD SUCCESS')
