// Compiled only by the "core cannot include widgets" test, which expects this to FAIL:
// a target that links nothing but the core library must not find the widget headers.
#include <QWidget>

int main()
{
    QWidget w;
    return 0;
}
